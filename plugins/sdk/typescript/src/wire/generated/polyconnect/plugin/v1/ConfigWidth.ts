// Original file: ../../../proto/polyconnect/plugin/v1/config.proto

export const ConfigWidth = {
  CONFIG_WIDTH_UNSPECIFIED: 'CONFIG_WIDTH_UNSPECIFIED',
  CONFIG_WIDTH_NONE: 'CONFIG_WIDTH_NONE',
  CONFIG_WIDTH_SHORT: 'CONFIG_WIDTH_SHORT',
  CONFIG_WIDTH_MEDIUM: 'CONFIG_WIDTH_MEDIUM',
  CONFIG_WIDTH_LONG: 'CONFIG_WIDTH_LONG',
} as const;

export type ConfigWidth =
  | 'CONFIG_WIDTH_UNSPECIFIED'
  | 0
  | 'CONFIG_WIDTH_NONE'
  | 1
  | 'CONFIG_WIDTH_SHORT'
  | 2
  | 'CONFIG_WIDTH_MEDIUM'
  | 3
  | 'CONFIG_WIDTH_LONG'
  | 4

export type ConfigWidth__Output = typeof ConfigWidth[keyof typeof ConfigWidth]
