/**
 * COPYDESK_DEBUG: set (to anything but `0`), the command line and the
 * language server print the stack behind an internal error. Without it, an
 * internal error is one line, as every other error is.
 */
export function debugging(): boolean {
  const value = process.env.COPYDESK_DEBUG
  return value !== undefined && value !== '' && value !== '0'
}
