/** Badge colours per severity: a fixed table (WCAG AA contrast on white text or dark text). */
import type { Severity } from '../finding/model.js';

export const SEVERITY_COLORS: Readonly<Record<Severity, { readonly color: string; readonly textColor: string }>> = {
  CRITICAL: { color: '#7a1212', textColor: '#ffffff' },
  HIGH: { color: '#c2410c', textColor: '#ffffff' },
  MEDIUM: { color: '#b45309', textColor: '#ffffff' },
  LOW: { color: '#1d4ed8', textColor: '#ffffff' },
  INFORMATIONAL: { color: '#4b5563', textColor: '#ffffff' },
};

/** Locale key of each severity label, e.g. `severityCritical`. */
export const SEVERITY_LABEL_KEYS: Readonly<Record<Severity, string>> = {
  CRITICAL: 'severityCritical',
  HIGH: 'severityHigh',
  MEDIUM: 'severityMedium',
  LOW: 'severityLow',
  INFORMATIONAL: 'severityInformational',
};
