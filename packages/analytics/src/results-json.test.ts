import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS, attribution, attributionToJson } from './attribution.ts';
import { generateDemoData } from './demo-data.ts';
import { funnel, funnelToJson } from './funnel.ts';
import { MemoryEventStore } from './memory-store.ts';
import { attributionFromJson, funnelFromJson, touchesFromJson } from './results-json.ts';
import { touches, touchesToJson } from './touches.ts';

const demo = generateDemoData({ users: 300, seed: 5 });
const store = new MemoryEventStore([...demo.events]);

/** Through JSON text and back, as a result travels from a server. */
const travelled = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('results back from their JSON', () => {
  it('gives back a funnel but for what its steps stand for', async () => {
    const steps = ['ad_click', 'add_to_cart', 'order_completed'];
    const plain = await funnel(store, { steps });
    const { stepKinds, ...rest } = plain;
    expect(stepKinds).toEqual(['event', 'event', 'event']);
    expect(funnelFromJson(travelled(funnelToJson(plain)))).toEqual(rest);
    expect(rest.timeToConvert.customers).toBeGreaterThan(0);

    const { stepKinds: _, ...byChannel } = await funnel(store, { steps, by: 'channel' });
    expect(byChannel.breakdown?.length).toBeGreaterThan(1);
    expect(funnelFromJson(travelled(funnelToJson({ ...byChannel, stepKinds })), 'channel')).toEqual(
      byChannel,
    );
  });

  it('gives back touches and every model of attribution whole', async () => {
    const counted = await touches(store, { conversion: 'order_completed' });
    expect(counted.totalConversions).toBeGreaterThan(0);
    expect(touchesFromJson(travelled(touchesToJson(counted)))).toEqual(counted);
    for (const model of ATTRIBUTION_MODELS) {
      const credited = await attribution(store, { conversion: 'order_completed', model });
      expect(attributionFromJson(travelled(attributionToJson(credited)))).toEqual(credited);
    }
  });
});
