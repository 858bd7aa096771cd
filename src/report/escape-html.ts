/**
 * Escapes text for HTML element content and double- or single-quoted attribute values: `&`, `<`,
 * `>`, `"` and `'` become character references, so a subject ID such as
 * `<script>alert(1)</script>` is shown as text and never parsed as markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
