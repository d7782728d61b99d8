import { useState } from "react";
import { splitFormErrors } from "./errors";
import type { TFunction } from "../i18n";

/** Submission state of a form: field errors, a general error and the busy flag. */
export function useFormErrors(t: TFunction, known: readonly string[]) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    fields,
    general,
    busy,
    /** Runs `action`; on failure, routes the server's errors to the fields. */
    async run<R>(action: () => Promise<R>, localErrors: Record<string, string> = {}): Promise<R | undefined> {
      if (Object.keys(localErrors).length > 0) {
        setFields(localErrors);
        setGeneral(null);
        return undefined;
      }
      setBusy(true);
      setFields({});
      setGeneral(null);
      try {
        return await action();
      } catch (err) {
        const split = splitFormErrors(t, err, known);
        setFields(split.fields);
        setGeneral(split.general);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    setGeneral,
  };
}
