import { useEffect } from "react";

/** Sets the document title: "Page — BrainGain". */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} — BrainGain` : "BrainGain";
  }, [title]);
}
