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

/** The download links of a map: each format a link the browser saves. */
export function DownloadLinks({
  label,
  links,
}: {
  label: string;
  links: { format: string; name: string; title: string; href: string }[];
}) {
  const labelId = useId();
  return (
    <div className="downloads">
      <span id={labelId} className="downloads-label">
        {label}
      </span>
      <ul aria-labelledby={labelId}>
        {links.map((link) => (
          <li key={link.format}>
            <a
              href={link.href}
              download
              title={link.title}
              className="button button-small"
              data-format={link.format}
            >
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
