/**
 * The discovered journey against the designed one, as the page shows it: how many customers
 * follow the designed order, the moves between steps the map does not have, the designed steps
 * customers skip, and how much of all moving between steps is designed.
 */
import type { DiscoveredJourneyJson } from '../../api/analytics-types.ts';
import type { Labeller } from './names.ts';

export interface UndesignedMove {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  customers: number;
  transitions: number;
  /** Of the customers with two steps or more. */
  share: number;
}

export interface SkippedStep {
  step: string;
  label: string;
  /** Customers who skipped it at least once. */
  customers: number;
  transitions: number;
}

export interface DiscoveredView {
  customers: number;
  /** Customers with two steps or more: those who can follow the design or not. */
  multiStepCustomers: number;
  singleStepCustomers: number;
  conformingCustomers: number;
  /** conforming / multi-step customers; null when none had two steps. */
  conformance: number | null;
  /** Moves between two steps, and those of them the map designs. */
  transitions: number;
  designedTransitions: number;
  designedShare: number | null;
  undesigned: UndesignedMove[];
  skipped: SkippedStep[];
  unreached: { step: string; label: string }[];
}

export function discoveredView(
  json: DiscoveredJourneyJson,
  options: { label: Labeller; top: number },
): DiscoveredView {
  const between = json.edges.filter((edge) => edge.from !== null && edge.to !== null);
  const transitions = between.reduce((sum, edge) => sum + edge.transitions, 0);
  const designed = between.filter((edge) => edge.designed).reduce((sum, edge) => sum + edge.transitions, 0);
  return {
    customers: json.customers,
    multiStepCustomers: json.multi_step_customers,
    singleStepCustomers: json.single_step_customers,
    conformingCustomers: json.conforming_customers,
    conformance: json.conformance,
    transitions,
    designedTransitions: designed,
    designedShare: transitions === 0 ? null : designed / transitions,
    undesigned: json.undesigned_transitions.slice(0, options.top).map((move) => ({
      ...move,
      fromLabel: options.label(move.from),
      toLabel: options.label(move.to),
      share: json.multi_step_customers === 0 ? 0 : move.customers / json.multi_step_customers,
    })),
    skipped: json.skipped_steps
      .slice(0, options.top)
      .map((skip) => ({ ...skip, label: options.label(skip.step) })),
    unreached: json.unreached_steps.map((step) => ({ step, label: options.label(step) })),
  };
}
