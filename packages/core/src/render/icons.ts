import type { Channel } from '../schema.ts';

/**
 * One line icon per touchpoint channel, as SVG path data on a 24 × 24 grid, drawn with a 2 px
 * stroke and no fill. Plain paths only (no masks, no filters), so resvg and PDFKit draw them alike.
 */
const CHANNEL_ICONS: Record<Channel, readonly string[]> = {
  // A globe.
  web: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M3 12h18', 'M12 3c3 3 3 15 0 18', 'M12 3c-3 3-3 15 0 18'],
  // A phone with a home button.
  app: ['M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-16a2 2 0 0 1 2-2z', 'M11 18h2'],
  // An envelope.
  email: ['M3 6h18v12h-18z', 'M3 6l9 7l9-7'],
  // A magnifying glass.
  search: ['M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M15.5 15.5l5 5'],
  // A banner with a picture.
  display: ['M3 5h18v14h-18z', 'M3 16l5-5l4 4l3-3l6 5', 'M16 8.5h.01'],
  // Three linked nodes.
  social: [
    'M18 3a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
    'M6 9.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
    'M18 16a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
    'M8.2 10.8l7.6-4.3',
    'M8.2 13.2l7.6 4.3',
  ],
  // A screen with a play button.
  video: ['M3 5h18v14h-18z', 'M10 9v6l5-3z'],
  // A speaker with sound waves.
  audio: ['M4 9h4l5-4v14l-5-4h-4z', 'M16 9a4 4 0 0 1 0 6', 'M18.5 6.5a8 8 0 0 1 0 11'],
  // A telephone handset.
  phone: ['M5 3h4l2 5l-2.5 1.5a11 11 0 0 0 6 6l1.5-2.5l5 2v4a2 2 0 0 1-2 2a16 16 0 0 1-16-16a2 2 0 0 1 2-2z'],
  // A speech bubble with dots.
  chat: ['M4 4h16v12h-9l-5 4v-4h-2z', 'M8 10h.01', 'M12 10h.01', 'M16 10h.01'],
  // A shop front with an awning.
  store: [
    'M3 9l2-5h14l2 5z',
    'M3 9c0 2 3.5 2 4.5 0c1 2 3.5 2 4.5 0c1 2 3.5 2 4.5 0c1 2 4.5 2 4.5 0',
    'M5 11v9h14v-9',
    'M10 20v-5h4v5',
  ],
  // A letter box.
  mail: ['M4 10a4 4 0 0 1 8 0v9h-8z', 'M12 10h8v9h-8', 'M8 6h8', 'M16 6v-3h3'],
  // A printed page.
  print: ['M6 2h9l4 4v16h-13z', 'M15 2v4h4', 'M9 11h7', 'M9 15h7', 'M9 19h4'],
  // A delivery van.
  delivery: [
    'M2 6h12v10h-12z',
    'M14 9h4l3 3v4h-7',
    'M6 16a2 2 0 1 0 0 4a2 2 0 1 0 0-4z',
    'M17 16a2 2 0 1 0 0 4a2 2 0 1 0 0-4z',
  ],
  // A parcel.
  product: ['M12 2l9 5v10l-9 5l-9-5v-10z', 'M3 7l9 5l9-5', 'M12 12v10'],
  // Two speech bubbles.
  'word-of-mouth': ['M2 4h12v8h-6l-4 3v-3h-2z', 'M17 8h5v8h-2v3l-4-3h-5v-2'],
  // Two linked rings.
  partner: ['M8.5 7a5 5 0 1 0 0 10a5 5 0 1 0 0-10z', 'M15.5 7a5 5 0 1 0 0 10a5 5 0 1 0 0-10z'],
  // Three dots in a circle.
  other: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M8 12h.01', 'M12 12h.01', 'M16 12h.01'],
};

/** The icon of a channel as one SVG path data string on a 24 × 24 grid (stroke it, do not fill it). */
export function channelIconPath(channel: Channel): string {
  return CHANNEL_ICONS[channel].join(' ');
}
