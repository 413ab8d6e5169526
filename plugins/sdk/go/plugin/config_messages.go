package plugin

import (
	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
)

func toProtoConfigKey(key *connect.ConfigKey) *pluginv1.ConfigKey {
	p := &pluginv1.ConfigKey{
		Name:          key.Name,
		Type:          pluginv1.ConfigType(key.Type),
		Required:      key.Required(),
		Importance:    pluginv1.ConfigImportance(key.Importance),
		Documentation: key.Documentation,
		OrderInGroup:  key.OrderInGroup,
		Width:         pluginv1.ConfigWidth(key.Width + 1),
		DisplayName:   key.DisplayName,
		Dependents:    append([]string{}, key.Dependents...),
	}
	if text, ok := connect.RenderConfigValue(key.Default); ok {
		p.DefaultValue = &text
	}
	if key.Group != "" {
		group := key.Group
		p.Group = &group
	}
	return p
}

func toProtoConfigValue(value connect.ConfigValue) *pluginv1.ConfigValue {
	p := &pluginv1.ConfigValue{
		Name:              value.Name,
		RecommendedValues: append([]string{}, value.RecommendedValues...),
		Errors:            append([]string{}, value.Errors...),
		Visible:           value.Visible,
	}
	if text, ok := connect.RenderConfigValue(value.Value); ok {
		p.Value = &text
	}
	return p
}
