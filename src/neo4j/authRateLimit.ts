// Connecting through Neo4j's login rate limit: a server that locks an account after failed
// logins (AuthenticationRateLimit) unlocks it after a while, so start-up waits for that, with
// backoff and a bound, instead of exiting. A wrong password (Unauthorized) is never retried.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import type { Limits } from '../config.ts';

export type AuthRetryLimits = Pick<Limits, 'authRetryMs' | 'authRetryMaxDelayMs'>;

/** Whether a driver error says the account is locked for a while by failed logins. */
export function isAuthRateLimit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'Neo.ClientError.Security.AuthenticationRateLimit';
}

/**
 * driver.verifyConnectivity, again while it fails with AuthenticationRateLimit: after 250 ms,
 * then twice as long each time (at most authRetryMaxDelayMs), for at most authRetryMs. Any other
 * error, or the rate limit past the bound, is thrown as it came.
 */
export async function verifyThroughRateLimit(driver: Driver, database: string, limits: AuthRetryLimits, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + limits.authRetryMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, limits.authRetryMaxDelayMs)) {
    try {
      await driver.verifyConnectivity({ database });
      return;
    } catch (error) {
      const wait = Math.min(delay, deadline - Date.now());
      if (!isAuthRateLimit(error) || wait <= 0 || signal?.aborted) throw error;
      console.error(`Neo4j refuses logins for a while (too many failed attempts); trying again in ${wait} ms.`);
      // Ctrl-C ends the wait at once, with the refusal it was waiting out.
      await sleep(wait, undefined, { signal }).catch(() => {
        throw error;
      });
    }
  }
}
