// Founders' Markdown as HTML for previews. Raw HTML is never passed through (markdown-it escapes
// it), images are off (no remote content) and only safe link schemes survive; the preview
// component keeps links from navigating the window.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(["image"]);

export function renderMarkdown(text: string): string {
  return md.render(text);
}
