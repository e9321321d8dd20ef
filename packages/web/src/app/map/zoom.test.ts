import { describe, expect, it } from 'vitest';
import { fitScaleOf, MAX_ZOOM, MIN_ZOOM, scaleOf, zoomStep } from './zoom.ts';

describe('zoom', () => {
  it('fits a wide drawing into the view, never enlarging a small one', () => {
    expect(fitScaleOf(2000, 1000)).toBe(0.5);
    expect(fitScaleOf(500, 1000)).toBe(1);
    expect(fitScaleOf(0, 1000)).toBe(1);
    expect(fitScaleOf(100_000, 100)).toBe(MIN_ZOOM);
  });

  it('steps from the scale shown, fit or not', () => {
    expect(scaleOf('fit', 0.5)).toBe(0.5);
    expect(zoomStep('fit', 0.5, 1)).toBe(0.625);
    expect(zoomStep(1, 0.5, -1)).toBe(0.8);
    expect(zoomStep(0.8, 0.5, 1)).toBe(1);
  });

  it('stays within the limits', () => {
    expect(zoomStep(MAX_ZOOM, 1, 1)).toBe(MAX_ZOOM);
    expect(zoomStep(MIN_ZOOM, 1, -1)).toBe(MIN_ZOOM);
  });
});
