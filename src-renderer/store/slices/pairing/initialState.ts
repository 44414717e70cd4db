export type PairingState = {
  /** The station's message for the last failed pairing (wrong or expired code), shown under the code. */
  pairError: string | null;
  pairBusy: boolean;
};

export const initialPairingState: PairingState = {
  pairError: null,
  pairBusy: false,
};
