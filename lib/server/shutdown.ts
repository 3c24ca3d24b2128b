import 'server-only';
import { log } from './log';

type ShutdownState = { steps: Array<() => Promise<void>>; running?: Promise<void> };
const store = globalThis as typeof globalThis & { __signpostShutdown?: ShutdownState };

/** Past this, the process exits with its work unfinished rather than hang a deployment. */
const shutdownBudgetMs = 10_000;

/** Work to do before the process exits (flush counters, close pools), in the order added; each step once. */
export function onShutdown(step: () => Promise<void>): void {
  const { steps } = installShutdown();
  if (!steps.includes(step)) steps.push(step);
}

/** Runs every shutdown step once, each failure logged; the steps never throw. */
function runShutdownSteps(): Promise<void> {
  const state = installShutdown();
  state.running ??= (async () => {
    log.info('server.stopping', {});
    for (const step of state.steps) {
      try {
        await step();
      } catch (error) {
        log.error('server.stopping', error);
      }
    }
    log.info('server.stopped', {});
  })();
  return state.running;
}

/**
 * On SIGTERM (or SIGINT), `next start` stops accepting connections, lets the requests in flight
 * finish, then calls process.exit at once: it has no hook for an application's own cleanup
 * (https://github.com/vercel/next.js/issues/51404). So from the signal on, process.exit first runs
 * the shutdown steps (after Next has drained, so views counted by the last requests are flushed
 * too), within a budget. Should nothing call process.exit (NEXT_MANUAL_SIG_HANDLE set and no
 * handler), the budget timer exits through the same path.
 */
function installShutdown(): ShutdownState {
  if (store.__signpostShutdown) return store.__signpostShutdown;
  const state: ShutdownState = { steps: [] };
  store.__signpostShutdown = state;
  const onSignal = (signal: NodeJS.Signals) => {
    const exit = process.exit.bind(process);
    let exiting = false;
    process.exit = ((code?: number | string | null) => {
      if (exiting) return undefined as never;
      exiting = true;
      const budget = setTimeout(() => exit(code ?? undefined), shutdownBudgetMs);
      void runShutdownSteps().finally(() => {
        clearTimeout(budget);
        exit(code ?? undefined);
      });
      return undefined as never;
    }) as typeof process.exit;
    setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 3 * shutdownBudgetMs).unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return state;
}
