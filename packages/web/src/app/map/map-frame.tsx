/**
 * The frame of a map's page, the same for the read-only view and the editor that will replace it:
 * the header (title, version, who saved), a toolbar row, the canvas, and a side panel.
 *
 * ```
 * ┌ header ──────────────────────────────┐
 * ├ toolbar ─────────────────────────────┤
 * │ canvas                       │ panel │
 * └──────────────────────────────┴───────┘
 * ```
 */
import { type ReactNode, useId } from 'react';
import type { Messages } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface MapFrameProps {
  /** Above the title: e.g. the way back to the workspace's maps. */
  back?: ReactNode;
  title: string;
  /** The map's own language, for the title. */
  lang: string;
  /** Under the title: version, who saved it and when. */
  meta: ReactNode;
  toolbar: ReactNode;
  /** Names the side panel for assistive technology. */
  panelLabel: string;
  panel: ReactNode;
  children: ReactNode;
}

export function MapFrame({ back, title, lang, meta, toolbar, panelLabel, panel, children }: MapFrameProps) {
  const panelId = useId();
  return (
    <div className="map-frame">
      <div className="map-frame-header">
        {back && <div className="back-link">{back}</div>}
        <h1 lang={lang}>{title}</h1>
        <p className="muted">{meta}</p>
      </div>
      <div className="map-frame-toolbar">{toolbar}</div>
      <div className="map-frame-canvas">{children}</div>
      <aside className="map-frame-panel" aria-labelledby={panelId}>
        <h2 id={panelId} className="panel-title">
          {panelLabel}
        </h2>
        {panel}
      </aside>
    </div>
  );
}

/** The download links of a map: each format a link the browser saves, named in the interface's language. */
export function DownloadLinks<Format extends keyof Messages['mapPage']['formats']>({
  formats,
  hrefOf,
}: {
  formats: readonly Format[];
  hrefOf: (format: Format) => string;
}) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <div className="downloads">
      <span id={labelId} className="downloads-label">
        {t.mapPage.downloads}
      </span>
      <ul aria-labelledby={labelId}>
        {formats.map((format) => (
          <li key={format}>
            <a
              href={hrefOf(format)}
              download
              title={t.mapPage.downloadAs(t.mapPage.formats[format])}
              className="button button-small"
              data-format={format}
            >
              {t.mapPage.formats[format]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
