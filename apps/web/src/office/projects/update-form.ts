/**
 * The value an update reports, as the API takes it: a number for a counted or percentage indicator
 * (a decimal comma or Arabic-Indic digits accepted), the text itself for a qualitative one; null
 * when a numeric indicator's value is not a number (the form says so before sending).
 */
export function updateValue(text: string, measure: string | undefined): number | string | null {
  const trimmed = text.trim();
  if (measure === 'qualitative') return trimmed === '' ? null : trimmed;
  const latin = trimmed
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00A0\u202F\u066C]/g, '')
    .replace(/[,\u066B]/, '.');
  if (!/^-?\d+(\.\d+)?$/.test(latin)) return null;
  return Number(latin);
}
