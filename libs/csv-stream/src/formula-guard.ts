/**
 * Characters that make a spreadsheet (Excel, LibreOffice, Sheets) read a
 * cell as a formula or a command: `=1+1`, `+cmd|' /C calc'!A0`, `-2+3`,
 * `@SUM(...)`, and a leading tab or carriage return that some importers strip
 * before looking. Log lines are attacker-controlled text, so an opened CSV
 * could otherwise run them (OWASP "CSV injection").
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** The cell with a leading `'` when it would start a formula; spreadsheets show it as text. */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_START.has(cell[0]) ? `'${cell}` : cell;
}

export function neutralizeRow(row: readonly string[]): string[] {
  return row.map(neutralizeFormula);
}
