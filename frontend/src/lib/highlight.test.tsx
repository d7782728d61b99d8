import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Highlight, parseHighlight } from "./highlight";

describe("search highlights", () => {
  it("keeps <mark> and text", () => {
    expect(parseHighlight("flood <mark>risk</mark> in <mark>deltas</mark>")).toEqual([
      { text: "flood ", mark: false },
      { text: "risk", mark: true },
      { text: " in ", mark: false },
      { text: "deltas", mark: true },
    ]);
  });

  it("renders only <mark> elements; anything else stays text", () => {
    const { container } = render(
      <p>
        <Highlight snippet={'<mark>C++</mark> &amp; <img src=x onerror=alert(1)> &lt;b&gt;bold&lt;/b&gt; <script>x</script>'} />
      </p>,
    );
    const p = container.querySelector("p")!;
    expect(p.querySelectorAll("mark")).toHaveLength(1);
    expect(p.querySelector("img, script, b")).toBeNull();
    expect(p.textContent).toBe("C++ & <img src=x onerror=alert(1)> <b>bold</b> <script>x</script>");
  });

  it("decodes numeric entities and leaves unknown ones", () => {
    expect(parseHighlight("caf&#233; &#x27;x&#x27; &nbsp;")).toEqual([{ text: "café 'x' &nbsp;", mark: false }]);
  });
});
