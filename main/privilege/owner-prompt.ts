/** What a privileged request would do, as the owner reads it in main's own dialog. */
export interface OwnerRequest {
  /** One line in the imperative: "Show the secret of key bot (Main)". */
  action: string;
}

/**
 * Main's native confirmation, for a vault without a passphrase: a dialog the page can neither
 * draw nor click (and Touch ID where macOS offers it). Resolves true only when the owner said yes.
 */
export interface OwnerPrompt {
  confirm(request: OwnerRequest): Promise<boolean>;
}
