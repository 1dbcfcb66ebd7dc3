import { describe, expect, it } from "vitest";
import { textOfHtml } from "./html-text";
import { renderMarkdown } from "./render-markdown";

describe("textOfHtml", () => {
  it("drops tags and decodes the entities the renderer writes", () => {
    expect(
      textOfHtml("<p>Use <code>awsvpc</code> &amp; <em>ENIs</em> &quot;x&quot; &#x27;y&#x27; a &lt; b</p>"),
    ).toBe(`Use awsvpc & ENIs "x" 'y' a < b`);
  });

  it("decodes once: an author's literal entity text survives the round trip", () => {
    // The author wrote "&lt;" as text; the renderer escapes its "&".
    const html = renderMarkdown("Type `&lt;` for <");
    expect(textOfHtml(html)).toBe("Type &lt; for <");
  });

  it("makes runs of white space one space", () => {
    expect(textOfHtml("<p>one\n\n  two</p>\n<p>three</p>")).toBe("one two three");
  });
});
