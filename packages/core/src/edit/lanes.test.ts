import { describe, expect, it } from 'vitest';
import type { JourneyMap, Step } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import { applyEdit, type EditAction } from './actions.ts';
import {
  addEvidence,
  addLaneItem,
  clearFeeling,
  editEvidence,
  editLaneItem,
  moveLaneItem,
  removeEvidence,
  setFeeling,
} from './lanes.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));

function stepOf(map: JourneyMap, stepId: string): Step {
  const step = map.stages.flatMap((stage) => stage.steps).find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}

// checkout's lanes in the shoe map: a thought and a question (assumed), a pain point (observed,
// citing survey-checkout), an opportunity (proposed); evidence: survey-checkout.
describe('lane items', () => {
  it.each<[string, EditAction, keyof Step, unknown]>([
    [
      'adds plain text at the end',
      { type: 'addLaneItem', stepId: 'checkout', lane: 'questions', text: 'Can I pay later?' },
      'questions',
      [{ text: 'What does shipping cost?', knownBy: 'assumed' }, 'Can I pay later?'],
    ],
    [
      'adds a note with how it is known and its evidence, at a position',
      {
        type: 'addLaneItem',
        stepId: 'checkout',
        lane: 'painPoints',
        text: 'The coupon field is hard to find',
        knownBy: 'observed',
        evidence: ['survey-checkout'],
        index: 0,
      },
      'painPoints',
      [
        { text: 'The coupon field is hard to find', knownBy: 'observed', evidence: ['survey-checkout'] },
        {
          text: 'Shipping costs appear only at the last step',
          knownBy: 'observed',
          evidence: ['survey-checkout'],
        },
      ],
    ],
    [
      'adds to a lane the step did not have',
      {
        type: 'addLaneItem',
        stepId: 'checkout',
        lane: 'motivations',
        text: 'Wants them by Saturday',
        knownBy: 'proposed',
      },
      'motivations',
      [{ text: 'Wants them by Saturday', knownBy: 'proposed' }],
    ],
    [
      'edits the text and keeps how it is known',
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 0, text: 'An account, really?' },
      'thoughts',
      [{ text: 'An account, really?', knownBy: 'assumed' }],
    ],
    [
      'marks a note observed with its evidence',
      {
        type: 'editLaneItem',
        stepId: 'checkout',
        lane: 'thoughts',
        index: 0,
        knownBy: 'observed',
        evidence: ['survey-checkout'],
      },
      'thoughts',
      [{ text: 'Why do I need an account?', knownBy: 'observed', evidence: ['survey-checkout'] }],
    ],
    [
      'writes a note with neither knownBy nor evidence as plain text',
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 0, knownBy: null },
      'thoughts',
      ['Why do I need an account?'],
    ],
    [
      'removes the last note of a lane, and the lane',
      { type: 'removeLaneItem', stepId: 'checkout', lane: 'questions', index: 0 },
      'questions',
      undefined,
    ],
  ])('%s', (_, action, lane, expected) => {
    expect(stepOf(applyEdit(shoes(), action), 'checkout')[lane]).toEqual(expected);
  });

  it('moves a note within its lane', () => {
    let map = addLaneItem(shoes(), { stepId: 'checkout', lane: 'questions', text: 'Can I pay later?' });
    map = moveLaneItem(map, { stepId: 'checkout', lane: 'questions', index: 1, toIndex: 0 });
    expect(stepOf(map, 'checkout').questions).toEqual([
      'Can I pay later?',
      { text: 'What does shipping cost?', knownBy: 'assumed' },
    ]);
  });

  it('moves a note to another lane of the same step, citations and all', () => {
    const before = shoes();
    const map = moveLaneItem(before, {
      stepId: 'checkout',
      lane: 'painPoints',
      index: 0,
      toLane: 'thoughts',
      toIndex: 0,
    });
    const step = stepOf(map, 'checkout');
    expect(step.painPoints).toBeUndefined();
    expect(step.thoughts?.[0]).toBe(stepOf(before, 'checkout').painPoints?.[0]);
  });

  it('moves a note to another step (drag and drop)', () => {
    const map = moveLaneItem(shoes(), {
      stepId: 'checkout',
      lane: 'questions',
      index: 0,
      toStepId: 'thank-you-page',
      toLane: 'painPoints',
    });
    expect(stepOf(map, 'checkout').questions).toBeUndefined();
    expect(stepOf(map, 'thank-you-page').painPoints).toEqual([
      { text: 'What does shipping cost?', knownBy: 'assumed' },
    ]);
  });

  it('returns the same map for an edit that changes nothing', () => {
    const map = shoes();
    expect(editLaneItem(map, { stepId: 'checkout', lane: 'thoughts', index: 0, knownBy: 'assumed' })).toBe(
      map,
    );
    expect(moveLaneItem(map, { stepId: 'checkout', lane: 'thoughts', index: 0, toIndex: 0 })).toBe(map);
  });

  it.each<[EditAction, string]>([
    [
      { type: 'addLaneItem', stepId: 'checkout', lane: 'feelings' as 'thoughts', text: 'Happy' },
      'invalid-value: lane must be one of thoughts, questions, motivations, painPoints, opportunities; got "feelings"',
    ],
    [
      { type: 'addLaneItem', stepId: 'checkout', lane: 'thoughts', text: ' ' },
      'empty-text: an entry of thoughts must not be empty',
    ],
    [
      {
        type: 'addLaneItem',
        stepId: 'checkout',
        lane: 'thoughts',
        text: 'Hm',
        evidence: ['interview-needs'],
      },
      'not-found: step "checkout" has no evidence "interview-needs"',
    ],
    [
      {
        type: 'addLaneItem',
        stepId: 'checkout',
        lane: 'thoughts',
        text: 'Hm',
        knownBy: 'guessed' as 'assumed',
      },
      'invalid-value: knownBy must be one of observed, assumed, proposed; got "guessed"',
    ],
    [
      { type: 'addLaneItem', stepId: 'checkout', lane: 'thoughts', text: 'Hm', index: 3 },
      'bad-index: an entry of thoughts of step "checkout" can go at positions 0 to 1, not 3',
    ],
    [
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 1, text: 'Hm' },
      'not-found: thoughts of step "checkout" has 1 entry (0), so there is no entry 1',
    ],
    [
      { type: 'removeLaneItem', stepId: 'checkout', lane: 'motivations', index: 0 },
      'not-found: motivations of step "checkout" has no entries, so there is no entry 0',
    ],
    [
      { type: 'moveLaneItem', stepId: 'checkout', lane: 'painPoints', index: 0, toStepId: 'tries-on' },
      'conflict: "Shipping costs appear only at the last step" cites evidence of step "checkout"; remove its evidence before moving it to step "tries-on"',
    ],
    [
      {
        type: 'moveLaneItem',
        stepId: 'checkout',
        lane: 'thoughts',
        index: 0,
        toStepId: 'tries-on',
        toIndex: 5,
      },
      'bad-index: an entry of thoughts of step "tries-on" can go at positions 0 to 1, not 5',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});

describe('evidence', () => {
  it('adds evidence with an id from its source, unique on the step', () => {
    const map = addEvidence(shoes(), {
      stepId: 'checkout',
      source: 'survey',
      summary: 'Half leave at the shipping costs',
      date: '2026-03-14',
      participants: 212,
    });
    expect(stepOf(map, 'checkout').evidence?.at(-1)).toEqual({
      id: 'survey',
      source: 'survey',
      summary: 'Half leave at the shipping costs',
      date: '2026-03-14',
      participants: 212,
    });
    const again = addEvidence(map, { stepId: 'checkout', source: 'survey' });
    expect(stepOf(again, 'checkout').evidence?.at(-1)?.id).toBe('survey-2');
  });

  it('edits evidence fields and clears one', () => {
    let map = editEvidence(shoes(), {
      stepId: 'checkout',
      evidenceId: 'survey-checkout',
      quote: 'Too many steps',
      score: 3.2,
    });
    expect(stepOf(map, 'checkout').evidence?.[0]).toMatchObject({ quote: 'Too many steps', score: 3.2 });
    map = editEvidence(map, { stepId: 'checkout', evidenceId: 'survey-checkout', score: null });
    expect(stepOf(map, 'checkout').evidence?.[0]).not.toHaveProperty('score');
  });

  it('removing evidence removes its citations; a note left with nothing but text becomes plain text', () => {
    let map = editLaneItem(shoes(), {
      stepId: 'checkout',
      lane: 'opportunities',
      index: 0,
      evidence: ['survey-checkout'],
    });
    map = removeEvidence(map, { stepId: 'checkout', evidenceId: 'survey-checkout' });
    const step = stepOf(map, 'checkout');
    expect(step.evidence).toBeUndefined();
    expect(step.painPoints).toEqual([
      { text: 'Shipping costs appear only at the last step', knownBy: 'observed' },
    ]);
    expect(typeof step.opportunities?.[0]).toBe(typeof stepOf(shoes(), 'checkout').opportunities?.[0]);
    expect(JSON.stringify(step)).not.toContain('survey-checkout');
  });

  it.each<[EditAction, string]>([
    [
      { type: 'addEvidence', stepId: 'checkout', source: 'hearsay' as 'other' },
      'invalid-value: evidence source must be one of observation, interview, survey, focus-group, analytics, other; got "hearsay"',
    ],
    [
      { type: 'addEvidence', stepId: 'checkout', source: 'survey', date: '2026-02-30' },
      'invalid-value: evidence date: must be a date as YYYY-MM-DD',
    ],
    [
      { type: 'addEvidence', stepId: 'checkout', source: 'survey', participants: 2.5 },
      'invalid-value: participants must be a whole number from 1; got 2.5',
    ],
    [
      { type: 'editEvidence', stepId: 'checkout', evidenceId: 'interview-needs', quote: 'x' },
      'not-found: step "checkout" has no evidence "interview-needs"',
    ],
    [
      { type: 'moveEvidence', stepId: 'checkout', evidenceId: 'survey-checkout', index: 1 },
      'bad-index: evidence of step "checkout" can go at positions 0 to 0, not 1',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});

describe('feelings', () => {
  it('sets a feeling, in halves too, and clears it', () => {
    let map = setFeeling(shoes(), { stepId: 'checkout', personaId: 'first-time-buyer', score: -1.5 });
    expect(stepOf(map, 'checkout').feelings).toEqual({ 'first-time-buyer': -1.5, 'returning-customer': 1 });
    map = clearFeeling(map, { stepId: 'checkout', personaId: 'first-time-buyer' });
    map = clearFeeling(map, { stepId: 'checkout', personaId: 'returning-customer' });
    expect(stepOf(map, 'checkout')).not.toHaveProperty('feelings');
    map = setFeeling(map, { stepId: 'checkout', personaId: 'returning-customer', score: 2 });
    expect(stepOf(map, 'checkout').feelings).toEqual({ 'returning-customer': 2 });
  });

  it('returns the same map for the feeling it already has', () => {
    const map = shoes();
    expect(setFeeling(map, { stepId: 'checkout', personaId: 'first-time-buyer', score: 0 })).toBe(map);
  });

  it.each<[EditAction, string]>([
    [
      { type: 'setFeeling', stepId: 'checkout', personaId: 'first-time-buyer', score: 2.5 },
      'invalid-value: a feeling goes from -2 to 2; got 2.5',
    ],
    [
      { type: 'setFeeling', stepId: 'checkout', personaId: 'first-time-buyer', score: Number.NaN },
      'invalid-value: feeling must be a number; got null',
    ],
    [
      { type: 'setFeeling', stepId: 'checkout', personaId: 'nobody', score: 1 },
      'not-found: persona "nobody" does not exist',
    ],
    [
      { type: 'clearFeeling', stepId: 'checkout', personaId: 'nobody' },
      'not-found: step "checkout" has no feeling for persona "nobody"',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});
