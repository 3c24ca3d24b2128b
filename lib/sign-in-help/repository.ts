import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { prepared } from '@/lib/db/prepared';
import { diagnoses } from '@/lib/db/schema';
import type { DiagnosisState, OutcomeId, Problem } from './types';
import { generateReferenceCode } from './reference-code';

export type Diagnosis = {
  code: string;
  locale: string;
  problem: Problem;
  outcome: OutcomeId;
  siteId: number | null;
  subjectUserId: number | null;
  state: DiagnosisState;
  solved: boolean | null;
  createdAt: Date;
  expiresAt: Date;
};

const diagnosisLifetimeDays = 30;

export async function createDiagnosis(
  db: Database,
  input: Omit<Diagnosis, 'code' | 'solved' | 'createdAt' | 'expiresAt'>,
  now: Date,
): Promise<Diagnosis> {
  const expiresAt = new Date(now.getTime() + diagnosisLifetimeDays * 86_400_000);
  // 40 random bits: a collision is all but impossible, and retrying covers it.
  const insert = prepared(db, 'create_diagnosis', (d) => {
    const value = (name: string) => sql.placeholder(name);
    return d
      .insert(diagnoses)
      .values({
        code: value('code'),
        locale: value('locale'),
        problem: value('problem'),
        outcome: value('outcome'),
        siteId: value('siteId'),
        subjectUserId: value('subjectUserId'),
        state: value('state'),
        createdAt: value('createdAt'),
        expiresAt: value('expiresAt'),
      })
      .onConflictDoNothing()
      .returning({ code: diagnoses.code })
      .prepare('create_diagnosis');
  });
  for (let attempt = 0; ; attempt++) {
    const code = generateReferenceCode();
    const [row] = await insert.execute({ ...input, code, createdAt: now, expiresAt });
    if (row) return { ...input, code, solved: null, createdAt: now, expiresAt };
    if (attempt >= 3) throw new Error('could not allocate a reference code');
  }
}

export function toDiagnosis(row: typeof diagnoses.$inferSelect): Diagnosis {
  return {
    code: row.code,
    locale: row.locale,
    problem: row.problem,
    outcome: row.outcome,
    siteId: row.siteId,
    subjectUserId: row.subjectUserId,
    state: row.state,
    solved: row.solved,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export async function getDiagnosis(db: Database, code: string, now: Date): Promise<Diagnosis | undefined> {
  const [row] = await db
    .select()
    .from(diagnoses)
    .where(and(eq(diagnoses.code, code), gt(diagnoses.expiresAt, now)));
  return row ? toDiagnosis(row) : undefined;
}

export async function recordSolved(db: Database, code: string, solved: boolean): Promise<void> {
  await db.update(diagnoses).set({ solved }).where(eq(diagnoses.code, code));
}

/** Removes expired diagnoses (run with the lifecycle purge). */
export async function deleteExpiredDiagnoses(db: Database, now: Date): Promise<number> {
  return (await db.delete(diagnoses).where(lt(diagnoses.expiresAt, now)).returning({ code: diagnoses.code })).length;
}
