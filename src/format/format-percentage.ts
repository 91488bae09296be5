import { formatGetal } from './format-getal.js';

/**
 * 9.1 → "9,1%". The value is the percentage itself, not a fraction (0.091): data
 * tables and CBS figures give percentages, and authors copy them as they read them.
 * No space before the sign, as the ministry's letters write it.
 */
export function formatPercentage(value: number, decimalen?: number): string {
  return `${formatGetal(value, decimalen)}%`;
}
