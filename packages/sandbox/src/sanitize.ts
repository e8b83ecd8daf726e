/**
 * Strips HTML from an instance name the way the platform sanitises names: `<script>` and
 * `<style>` blocks go with their content, every other tag goes, surrounding space is trimmed.
 */
export function stripHtml(value: string): string {
  return value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?[a-z!?][^>]*>/gi, '')
    .replace(/[<>]/g, '')
    .trim()
}
