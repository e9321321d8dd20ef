/**
 * A map version as a download: the map's own file (YAML, JSON) through core, every drawing and
 * table through packages/render's `exportMap`, the function `touchline render` uses.
 */
import { loadMapText, type MapFile, slugify, stringifyMap, stringifyMapFile } from '@touchline/core';
import { EXPORT_FORMATS, type ExportResult, exportMap } from '@touchline/render';
import type { StoredMap } from '@touchline/storage';

/** Every format a map can be downloaded in: its own file formats first, then the renderings. */
export const MAP_EXPORT_FORMATS = ['yaml', 'json', ...EXPORT_FORMATS] as const;
export type MapExportFormat = (typeof MAP_EXPORT_FORMATS)[number];

/** What a share link's visitor may download: the drawings and the readable tables. */
export const SHARED_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'md', 'csv'] as const;

export interface MapDownload extends ExportResult {
  fileName: string;
}

/**
 * Exports a stored map version. For YAML, `sourceText` (the text the map was imported from)
 * takes the map's content, so its comments and layout stay wherever the map did not change.
 */
export async function exportStoredMap(
  map: StoredMap,
  format: MapExportFormat,
  sourceText?: string,
): Promise<MapDownload> {
  const result = await exportDocument(map, format, sourceText);
  const base = slugify(map.title).slice(0, 80).replace(/-+$/, '');
  return { ...result, fileName: `${base}-v${map.version}${result.extension}` };
}

async function exportDocument(
  { document }: StoredMap,
  format: MapExportFormat,
  sourceText: string | undefined,
): Promise<ExportResult> {
  switch (format) {
    case 'yaml': {
      const source = sourceText === undefined ? undefined : yamlSource(sourceText);
      return {
        data: source ? stringifyMapFile(source, document) : stringifyMap(document, 'yaml'),
        mediaType: 'application/yaml; charset=utf-8',
        extension: '.yaml',
      };
    }
    case 'json':
      return {
        data: stringifyMap(document, 'json'),
        mediaType: 'application/json; charset=utf-8',
        extension: '.json',
      };
    default:
      return exportMap(document, format);
  }
}

/** The imported text as a YAML file to write into; none when it no longer reads as one. */
function yamlSource(text: string): MapFile | undefined {
  const result = loadMapText(text, 'map.yaml');
  return result.ok && result.file.format === 'yaml' && result.file.source !== undefined
    ? result.file
    : undefined;
}

/** Headers of a download: its type and a file name a browser saves it under. */
export function downloadHeaders(download: MapDownload): Record<string, string> {
  return {
    'content-type': download.mediaType,
    'content-disposition': `attachment; filename="${download.fileName}"`,
    'x-content-type-options': 'nosniff',
  };
}
