// Original file: ../../../proto/polyconnect/plugin/v1/config.proto

export const ConfigImportance = {
  CONFIG_IMPORTANCE_UNSPECIFIED: 'CONFIG_IMPORTANCE_UNSPECIFIED',
  CONFIG_IMPORTANCE_HIGH: 'CONFIG_IMPORTANCE_HIGH',
  CONFIG_IMPORTANCE_MEDIUM: 'CONFIG_IMPORTANCE_MEDIUM',
  CONFIG_IMPORTANCE_LOW: 'CONFIG_IMPORTANCE_LOW',
} as const;

export type ConfigImportance =
  | 'CONFIG_IMPORTANCE_UNSPECIFIED'
  | 0
  | 'CONFIG_IMPORTANCE_HIGH'
  | 1
  | 'CONFIG_IMPORTANCE_MEDIUM'
  | 2
  | 'CONFIG_IMPORTANCE_LOW'
  | 3

export type ConfigImportance__Output = typeof ConfigImportance[keyof typeof ConfigImportance]
