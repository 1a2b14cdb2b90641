import type { Runtime } from '../src/runtime.js';
import { cardCallbackSecret } from '../src/platforms/dingtalk/sign.js';
import { DINGTALK_CARD_CALLBACK_ROUTE_KEY } from '../src/platforms/dingtalk/render-card.js';
import { isPlatformError } from '../src/platforms/platform-error.js';
import { dingtalkClient } from './outbound-deps.js';

/**
 * DingTalk HTTP mode: tell DingTalk where card clicks go (PUBLIC_BASE_URL/dingtalk/card) and the
 * secret it signs them with, derived from DINGTALK_APP_SECRET (src/platforms/dingtalk/sign.ts),
 * so the operator has nothing to register by hand. Done on every boot (forceUpdate: the URL or
 * secret may have changed); a failure is logged with what to check and does not stop start-up.
 * In Stream mode clicks arrive over the Stream connection and nothing is registered.
 */
export async function registerDingtalkCardCallback(
  rt: Runtime,
): Promise<'registered' | 'skipped' | 'failed'> {
  const c = rt.config;
  if (
    !c.dingtalkEnabled ||
    c.DINGTALK_MODE !== 'http' ||
    !c.DINGTALK_CARD_TEMPLATE_ID ||
    !c.PUBLIC_BASE_URL ||
    !c.DINGTALK_APP_SECRET
  )
    return 'skipped';
  const callbackUrl = `${c.PUBLIC_BASE_URL.replace(/\/$/, '')}/dingtalk/card`;
  try {
    await dingtalkClient(rt, { retry: { attempts: 3, baseMs: 500, maxMs: 5_000 } }).registerCardCallback({
      callbackRouteKey: DINGTALK_CARD_CALLBACK_ROUTE_KEY,
      callbackUrl,
      apiSecret: cardCallbackSecret(c.DINGTALK_APP_SECRET),
      forceUpdate: true,
    });
    rt.log.info({ callbackUrl }, 'dingtalk card callback registered');
    return 'registered';
  } catch (e) {
    const hint = isPlatformError(e) ? e.hint : (e as Error).name;
    rt.log.warn(
      { callbackUrl },
      `dingtalk card callback not registered: ${hint}; card buttons will not reach dudao until it is (check the app's 互动卡片 permission)`,
    );
    return 'failed';
  }
}
