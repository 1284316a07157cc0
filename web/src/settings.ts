/** The page's settings, kept in this browser (localStorage): the same meaning as `.copydeskrc`. */
import type {Level} from './warning.js'

export interface Settings {
  /** Severity per rule id; a rule not listed is `warn`. */
  rules: Record<string, Level>
  /** The story date (YYYY-MM-DD), or '' for today. */
  date: string
  /** A house knowledge list (YAML), or ''. */
  house: string
}

const STORE = 'copydesk.settings.v1'

export function readSettings(): Settings {
  try {
    const raw = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<Settings>
    return {rules: raw.rules ?? {}, date: raw.date ?? '', house: raw.house ?? ''}
  } catch {
    return {rules: {}, date: '', house: ''}
  }
}

export function saveSettings(settings: Settings): void {
  localStorage.setItem(STORE, JSON.stringify(settings))
}
