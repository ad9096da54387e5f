interface Props {
  readonly on: boolean;
  /** Live needs a range that ends now; an absolute range cannot be live. */
  readonly disabled: boolean;
  readonly onChange: (on: boolean) => void;
}

/** The live on/off switch: a native button with role="switch", so Enter and Space toggle it. */
export function LiveSwitch({ on, disabled, onChange }: Props) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on && !disabled}
      disabled={disabled}
      className="switch"
      data-testid="live-switch"
      title={disabled ? 'Live updates need a range that ends now (a preset)' : undefined}
      onClick={() => onChange(!on)}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      Live
    </button>
  );
}
