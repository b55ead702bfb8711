/**
 * Prints the line CI reads at the very end of a run: `N passed, N failed`.
 * Skipped tests are counted apart; a file that fails to load counts as failed.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let any = false;
      for (const t of mod.children.allTests()) {
        any = true;
        const s = t.result().state;
        if (s === "passed") passed++;
        else if (s === "failed") failed++;
        else skipped++;
      }
      if (!mod.ok() && !any) failed++;
      else if (!mod.ok() && mod.errors().length > 0) failed++;
    }
    const skip = skipped ? ` (${skipped} skipped)` : "";
    process.stdout.write(`\n${passed} passed, ${failed} failed${skip}\n`);
  }
}
