/** Small line icons drawn inline (no icon font: glyphs must not depend on installed fonts). */
const PATHS = {
  // a house: the overview
  home: 'M4 11.5 12 5l8 6.5M6.5 10v9h11v-9M10 19v-5h4v5',
  // a signpost: the first-run choices
  welcome: 'M12 3v18M12 5h7l2 2.5-2 2.5h-7M12 12H5l-2 2.5L5 17h7',
  key: 'M14 10a4 4 0 1 0-3.9 4H12v2h2v2h3v-3l-3.1-3.1A4 4 0 0 0 14 10Zm-5 0a1.5 1.5 0 1 1 0 .01Z',
  models: 'M4 5h7v6H4zM13 5h7v6h-7zM4 13h7v6H4zM13 13h7v6h-7z',
  local: 'M4 5h16v10H4zM8 19h8M12 15v4',
  // two lines meeting at a hub: apps switched through one point
  gateway: 'M3 7h6l3 5-3 5H3M21 7h-6l-3 5 3 5h6M12 12h0',
  settings:
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8 3.5-2-.6-.6-1.5 1-1.8-1.5-1.5-1.8 1-1.5-.6L13 4h-2l-.6 2-1.5.6-1.8-1-1.5 1.5 1 1.8-.6 1.5L4 11v2l2 .6.6 1.5-1 1.8 1.5 1.5 1.8-1 1.5.6.6 2h2l.6-2 1.5-.6 1.8 1 1.5-1.5-1-1.8.6-1.5 2-.6Z',
} as const

export type IconName = keyof typeof PATHS

/** A decorative icon; give the surrounding control its accessible name. */
export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinejoin="round"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
