import type { Roster } from '../src/domain/roster.js';

/**
 * The people of a benched district: `supervisors` full-time supervisors spread over zones z1…zN,
 * and a principal for every school, each with a WeCom id equal to their roster id.
 */
export function benchPeople(
  supervisors: number,
  zones: number,
  schools: readonly { id: string }[],
): Roster['people'] {
  return [
    ...Array.from({ length: supervisors }, (_, i) => ({
      id: `sup${i + 1}`,
      name: `督学${i + 1}`,
      roles: ['supervisor' as const],
      zones: [`z${(i % zones) + 1}`],
      fullTime: true,
      wecomId: `sup${i + 1}`,
      active: true,
    })),
    ...schools.map((s, i) => ({
      id: `pri${i + 1}`,
      name: `校长${i + 1}`,
      roles: ['principal' as const],
      school: s.id,
      zones: [],
      fullTime: false,
      wecomId: `pri${i + 1}`,
      active: true,
    })),
  ];
}
