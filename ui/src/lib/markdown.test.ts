import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders emphasis, lists and headings", () => {
    const html = renderMarkdown("# Aim\n\n- **one**\n- _two_");
    expect(html).toContain("<h1>Aim</h1>");
    expect(html).toContain("<strong>one</strong>");
    expect(html).toContain("<em>two</em>");
  });

  it("shows raw HTML as text, never as markup", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;img");
  });

  it("drops javascript links and images", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("href");
    expect(renderMarkdown("![logo](https://example.com/a.png)")).not.toContain("<img");
  });

  it("keeps a canvas box's lines apart, and lists as lists", () => {
    const box = "Product teams guess.\nTickets hold the answer.\n\n- one\n- two";
    expect(renderMarkdown(box)).toContain("guess.\nTickets");
    expect(renderMarkdown(box, true)).toContain("guess.<br>\nTickets");
    expect(renderMarkdown(box, true)).toContain("<li>one</li>");
  });
});
