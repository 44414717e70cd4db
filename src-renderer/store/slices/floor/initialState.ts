import type { FloorView } from '../../../../src-shared/contract/index.ts';

export type FloorViewMode = 'tiles' | 'list';

export type FloorState = {
  /** The table list (テーブル一覧) as floor.view last answered. */
  floor: FloorView | null;
  /** The station's clock minus this device's, from the last floor.view: minutes stayed and ages use it. */
  clockOffsetMs: number;
  /** The floor tab on screen (1F / 2F); null = the first. */
  floorId: string | null;
  /** Tiles, or the R6 list. */
  floorViewMode: FloorViewMode;
  /** A table command is running: its buttons wait. */
  floorBusy: boolean;
  /** Warnings the API returned with the last change (L5 unmapped table, T6 notes), shown until dismissed. */
  floorWarnings: string[];
};

export const initialFloorState: FloorState = {
  floor: null,
  clockOffsetMs: 0,
  floorId: null,
  floorViewMode: 'tiles',
  floorBusy: false,
  floorWarnings: [],
};
