/** Which differentiable augmentations to apply (Zhao et al. 2020); a missing field is off. */
export interface AugmentPolicy {
  /** Brightness, saturation and contrast, each drawn per image. */
  color?: boolean;
  /** The largest shift as a share of the height and width; 0 is off. */
  translation?: number;
  /** The side of the zeroed square as a share of the height and width; 0 is off. */
  cutout?: number;
}

/** The reference's policy 'color,translation,cutout', which its authors use with little data. */
export function defaultAugmentPolicy(): Required<AugmentPolicy> {
  return {
    // Brightness + U(-0.5, 0.5), saturation x U(0, 2), contrast x U(0.5, 1.5), as the reference.
    color: true,
    // Integer shifts of up to 1/8 of the size, the reference's ratio.
    translation: 0.125,
    // A square of half the size, the reference's ratio.
    cutout: 0.5,
  };
}

const FIELDS = ['color', 'translation', 'cutout'] as const;

/** Whether a policy changes anything: colour on, or a translation or cutout above 0. */
export function augments(policy: AugmentPolicy): boolean {
  return policy.color === true || (policy.translation ?? 0) > 0 || (policy.cutout ?? 0) > 0;
}

/**
 * Checks a policy read from a file or the command line, naming each bad field.
 * @param name how errors name the policy, e.g. the file it came from
 */
export function checkAugmentPolicy(policy: unknown, name = 'augment policy'): AugmentPolicy {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    throw new Error(
      `${name}: expected an object such as { color: true, translation: 0.125, cutout: 0.5 }`,
    );
  }
  const problems: string[] = [];
  for (const [field, value] of Object.entries(policy)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      problems.push(`unknown field '${field}' (expected ${FIELDS.join(', ')})`);
      continue;
    }
    if (value === undefined) continue;
    if (field === 'color' ? typeof value !== 'boolean' : !isShare(value)) {
      const expected = field === 'color' ? 'true or false' : 'a number in [0, 1]';
      problems.push(`${field} must be ${expected} (got ${JSON.stringify(value)})`);
    }
  }
  if (problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`);
  return policy as AugmentPolicy;
}

/**
 * Reads the reference's comma-separated form, e.g. 'color,translation,cutout', with the
 * reference's ratios; '' is no augmentation.
 */
export function parseAugmentPolicy(text: string): AugmentPolicy {
  const defaults = defaultAugmentPolicy();
  const policy: AugmentPolicy = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    if (part === 'color') policy.color = true;
    else if (part === 'translation' || part === 'cutout') policy[part] = defaults[part];
    else
      throw new Error(
        `augment policy '${text}': unknown augmentation '${part}' (expected ${FIELDS.join(', ')})`,
      );
  }
  return policy;
}

function isShare(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 1;
}
