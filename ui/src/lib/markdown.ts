// Founders' Markdown as HTML for previews. Raw HTML is never passed through (markdown-it escapes
// it), images are off (no remote content) and only safe link schemes survive; the preview
// component keeps links from navigating the window.
import MarkdownIt from "markdown-it";

const options = { html: false, linkify: false, typographer: false };
const md = new MarkdownIt(options).disable(["image"]);
const mdLines = new MarkdownIt({ ...options, breaks: true }).disable(["image"]);

/** `lines`: each line break stays a break (a Lean Canvas box is written a line an item), as the
 * core reads those boxes for the PDF and the Markdown export. */
export function renderMarkdown(text: string, lines = false): string {
  return (lines ? mdLines : md).render(text);
}
