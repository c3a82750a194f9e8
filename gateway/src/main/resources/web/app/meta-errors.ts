// What Meta's WhatsApp error codes mean for a campaign, and what to do about each (the codes a send can carry).
export interface ErrorMeaning { meaning: string; action: string }

const CODES: Record<string, ErrorMeaning> = {
  '131026': { meaning: 'Message undeliverable: the number is not on WhatsApp, or cannot receive this message',
    action: 'Check the number; stop sending to it after repeated failures.' },
  '131047': { meaning: 'Outside the 24-hour customer service window', action: 'Send an approved template instead of free text.' },
  '131049': { meaning: 'Meta held back this marketing message (per-user marketing limit)', action: 'Retry later; send fewer marketing messages to this contact.' },
  '131050': { meaning: 'The user stopped marketing messages', action: 'Treated as an opt-out: do not send marketing to them.' },
  '130472': { meaning: 'The user is part of a Meta experiment', action: 'Nothing to fix; the message was not delivered by design.' },
  '131056': { meaning: 'Too many messages to the same user too fast (pair rate limit)', action: 'Retried later automatically; space out sends.' },
  '130429': { meaning: 'Throughput limit of the phone number reached', action: 'Retried later automatically; lower the send rate or ask Meta for a higher tier.' },
  '80007': { meaning: 'Rate limit of the WhatsApp Business account reached', action: 'Retried later automatically; wait and lower the rate.' },
  '131000': { meaning: 'Something went wrong at Meta', action: 'Retry; contact Meta support if it persists.' },
  '132001': { meaning: 'The template does not exist in this language', action: 'Check the template name and language in WhatsApp Manager.' },
  '132015': { meaning: 'The template is paused for low quality', action: 'Edit the template or wait until Meta unpauses it.' },
};

export function meaningOf(code: string): ErrorMeaning {
  return CODES[code] ?? { meaning: 'Error reported by Meta', action: 'See Meta’s error code reference for this code.' };
}
