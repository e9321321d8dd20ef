import { describe, expect, it } from 'vitest';
import { matchPath, pathOf, safeNext } from './match.ts';

describe('matchPath', () => {
  it.each([
    ['/', '/', {}],
    ['/signin', '/signin', {}],
    ['/signin', '/signin/', {}],
    ['/w/:workspace', '/w/demo', { workspace: 'demo' }],
    ['/w/:workspace/maps/:map', '/w/demo/maps/m-123', { workspace: 'demo', map: 'm-123' }],
    ['/w/:workspace/maps/:map', '/w/demo/maps/a%20b%2Fc', { workspace: 'demo', map: 'a b/c' }],
    ['/invite/:token', '/invite/tl_inv_abc', { token: 'tl_inv_abc' }],
  ])('%s matches %s', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ['/', '/signin'],
    ['/signin', '/'],
    ['/w/:workspace', '/w/demo/people'],
    ['/w/:workspace/maps/:map', '/w/demo/maps'],
    ['/w/:workspace/people', '/w/demo/keys'],
    ['/w/:workspace', '/w/%E0%A4%A'],
  ])('%s does not match %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeUndefined();
  });
});

describe('pathOf', () => {
  it('fills and encodes the parameters, so matchPath reads them back', () => {
    const path = pathOf('/w/:workspace/maps/:map', { workspace: 'demo', map: 'a b/c?' });
    expect(path).toBe('/w/demo/maps/a%20b%2Fc%3F');
    expect(matchPath('/w/:workspace/maps/:map', path)).toEqual({ workspace: 'demo', map: 'a b/c?' });
  });
});

describe('safeNext', () => {
  it.each([
    ['/w/demo/maps/m1', '/w/demo/maps/m1'],
    ['/invite/tl_inv_x?y=1', '/invite/tl_inv_x?y=1'],
    [null, '/'],
    ['', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s -> %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
