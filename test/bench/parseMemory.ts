/** Peak-memory helpers for the parse benchmark's child processes (Linux /proc when available). */
import * as fs from 'fs';

/** A `Vm*` line of /proc/self/status in kB, or undefined off Linux. */
export function procStatusKb(field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Reset the peak-RSS mark to the current RSS (writing 5 to clear_refs). False if unsupported. */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return procStatusKb('VmHWM') !== undefined;
  } catch {
    return false;
  }
}
