// The table every cause test fills in (test/unit/causes/ID.test.ts): the metadata that other code
// decides by, real messages that must come out as the cause when all patterns of the catalogue are
// tried in precedence order, lookalikes that must not, and the remediation per target.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCause, MESSAGE_PATTERNS, type Cause, type CauseId, type RemediationContext, type WaitingReason } from '../../../src/causes/index.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import type { TargetId } from '../../../src/detect/target-profile.js';

/** The first cause whose pattern matches, trying every pattern of the catalogue in precedence order. */
export function firstMatchingCause(message: string): CauseId | undefined {
  return MESSAGE_PATTERNS.find((entry) => entry.pattern.test(message))?.cause;
}

export interface RemediationCase {
  name: string;
  context: Omit<RemediationContext, 'target'> & { target?: TargetId };
  expected: string | undefined;
}

export interface CauseTable {
  meta: Pick<Cause, 'vantage' | 'recurrence' | 'credentialIndependent' | 'auth'> & { reasons: readonly WaitingReason[] };
  /** Messages as kubelet or the runtime show them that mean this cause. */
  messages: readonly string[];
  /** Messages with this cause's words that mean another cause (undefined: none of the catalogue). */
  lookalikes: readonly { message: string; cause: CauseId | undefined }[];
  remediation: readonly RemediationCase[];
}

export function describeCause(id: CauseId, table: CauseTable): void {
  const cause = getCause(id);
  describe(`cause ${id}`, () => {
    it('has the metadata the verdicts and the rule decide by', () => {
      assert.deepEqual(
        { vantage: cause.vantage, recurrence: cause.recurrence, credentialIndependent: cause.credentialIndependent, auth: cause.auth, reasons: cause.kubelet.reasons },
        { ...table.meta },
      );
    });

    for (const message of table.messages) {
      it(`means ${id}: ${message}`, () => assert.equal(firstMatchingCause(message), id));
    }
    for (const { message, cause: other } of table.lookalikes) {
      it(`means ${other ?? 'nothing known'}, not ${id}: ${message}`, () => assert.equal(firstMatchingCause(message), other));
    }
    it('shows, as kubectl does, only phrases of its own', () => {
      for (const shown of cause.kubelet.shows) assert.equal(firstMatchingCause(shown), id, shown);
    });

    for (const { name, context, expected } of table.remediation) {
      it(`remediation: ${name}`, () => {
        const target = getTargetProfile(context.target ?? 'remote');
        assert.ok(target !== undefined);
        assert.equal(cause.remediation({ ...context, target }), expected);
      });
    }
  });
}
