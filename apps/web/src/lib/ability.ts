/**
 * CASL abilities in the browser, built with the same factory as the server (`@vigil/domain`).
 * `GET /api/auth/me` returns the rules packed with `packAbilityRules`.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { ApiSchemas } from '@vigil/client';
import {
  abilityFromPackedRules,
  type AppAbility,
  type AppRawRule,
  type PackRule,
} from '@vigil/domain';

export type { AppAbility };
export type PackedRules = PackRule<AppRawRule>[];

/** Builds the ability from rules as sent by the API (`MeResponse.rules`). */
export function createAbilityFromPackedRules(rules: ApiSchemas['MeResponse']['rules']): AppAbility {
  // The schema only says "arrays"; the server packs them with `packAbilityRules`.
  return abilityFromPackedRules(rules as PackedRules);
}

/** An ability that allows nothing (used before rules are known). */
export function createEmptyAbility(): AppAbility {
  return abilityFromPackedRules([]);
}

export const AbilityContext = createContext<AppAbility>(createEmptyAbility());

export function AbilityProvider({
  ability,
  children,
}: {
  ability: AppAbility;
  children: ReactNode;
}) {
  return createElement(AbilityContext.Provider, { value: ability }, children);
}

/** The current user's ability. */
export function useAbility(): AppAbility {
  return useContext(AbilityContext);
}
