/**
 * The map's drawing (the server's SVG export, shown as an image: read-only, no script), in a
 * scrollable view that zooms with its buttons, the keys + − 0 and Ctrl with the wheel.
 */
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { fitScaleOf, scaleOf, type Zoom, zoomStep } from './zoom.ts';

export function MapView({ src, title }: { src: string; title: string }) {
  const { t } = useI18n();
  const hintId = useId();
  const viewport = useRef<HTMLElement>(null);
  const [natural, setNatural] = useState<{ width: number; height: number }>();
  const [viewWidth, setViewWidth] = useState(0);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setViewWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const fitScale = natural ? fitScaleOf(natural.width, viewWidth) : 1;
  const scale = scaleOf(zoom, fitScale);
  const step = useCallback(
    (direction: 1 | -1) => setZoom((now) => zoomStep(now, fitScale, direction)),
    [fitScale],
  );

  // Ctrl (or ⌘) with the wheel zooms instead of scrolling; React's wheel listeners are passive.
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      step(event.deltaY < 0 ? 1 : -1);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [step]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-' || event.key === '_') step(-1);
    else if (event.key === '0') setZoom('fit');
    else return;
    event.preventDefault();
  };

  return (
    <div className="map-view">
      <fieldset className="map-view-controls">
        <legend className="visually-hidden">{t.mapView.zoom}</legend>
        <button
          type="button"
          className="button button-icon"
          onClick={() => step(-1)}
          aria-label={t.mapView.zoomOut}
          title={t.mapView.zoomOut}
        >
          −
        </button>
        <output className="map-view-level" aria-live="polite">
          {t.mapView.level(Math.round(scale * 100))}
        </output>
        <button
          type="button"
          className="button button-icon"
          onClick={() => step(1)}
          aria-label={t.mapView.zoomIn}
          title={t.mapView.zoomIn}
        >
          +
        </button>
        <button type="button" className="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          {t.mapView.fit}
        </button>
        <button type="button" className="button" onClick={() => setZoom(1)} aria-pressed={zoom === 1}>
          {t.mapView.actualSize}
        </button>
      </fieldset>
      <section
        ref={viewport}
        className="map-view-viewport"
        aria-label={t.mapView.region(title)}
        aria-describedby={hintId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus, to scroll and zoom by keys.
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {failed ? (
          <p role="alert" className="notice notice-error">
            {t.mapView.failed}
          </p>
        ) : (
          <img
            src={src}
            alt={t.mapView.alt(title)}
            className="map-view-drawing"
            style={
              natural
                ? { width: `${natural.width * scale}px`, height: `${natural.height * scale}px` }
                : undefined
            }
            onLoad={(event) =>
              setNatural({
                width: event.currentTarget.naturalWidth,
                height: event.currentTarget.naturalHeight,
              })
            }
            onError={() => setFailed(true)}
          />
        )}
      </section>
      <p id={hintId} className="visually-hidden">
        {t.mapView.keys}
      </p>
    </div>
  );
}
