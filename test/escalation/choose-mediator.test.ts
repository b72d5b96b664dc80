import { describe, expect, it } from 'vitest';
import { chooseMediator } from '../../src/escalation/choose-mediator.js';
import { RosterSchema } from '../../src/escalation/roster.js';

const roster = RosterSchema.parse({
  villages: [{ name: '清溪村' }, { name: '上坪村' }, { name: '石门村' }],
  dutyMediator: 'duty',
  mediators: [
    { id: 'duty', name: '值班', wecomUserId: 'd' },
    { id: 'a', name: 'A', villages: ['清溪村'], categories: ['labor_wages'], wecomUserId: 'a' },
    { id: 'b', name: 'B', villages: ['清溪村'], categories: ['neighbor'], wecomUserId: 'b' },
    { id: 'c', name: 'C', villages: ['清溪村', '上坪村'], categories: ['neighbor'], wecomUserId: 'c' },
    { id: 'off', name: 'Off', villages: ['石门村'], categories: ['neighbor'], wecomUserId: 'o', active: false },
  ],
});
const none = () => 0;

describe('chooseMediator', () => {
  it('takes the village, then the category among its mediators', () => {
    expect(chooseMediator(roster, { village: '清溪村', category: 'labor_wages' }, none).mediator.id).toBe('a');
    expect(chooseMediator(roster, { village: '上坪村', category: 'labor_wages' }, none).mediator.id).toBe('c');
  });

  it('breaks a tie by fewest open cases, then roster order', () => {
    expect(chooseMediator(roster, { village: '清溪村', category: 'neighbor' }, none).mediator.id).toBe('b');
    const open = (id: string) => ({ b: 3, c: 1 })[id] ?? 0;
    expect(chooseMediator(roster, { village: '清溪村', category: 'neighbor' }, open).mediator.id).toBe('c');
  });

  it('uses the category alone when no mediator serves the village', () => {
    expect(chooseMediator(roster, { village: null, category: 'labor_wages' }, none).mediator.id).toBe('a');
  });

  it('skips inactive mediators and falls back to the duty mediator', () => {
    const chosen = chooseMediator(roster, { village: '石门村', category: 'inheritance' }, none);
    expect(chosen.mediator.id).toBe('duty');
    expect(chosen.reason).toContain('duty');
  });
});
