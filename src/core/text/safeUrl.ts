/** Only http(s) links from untrusted data (arXiv, Hugging Face) become clickable; anything else becomes inert. */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
