// The datagen plugin: DatagenSourceConnector generates deterministic records with schemas at a
// chosen rate (orders, users, or all-types with every Connect type), resuming from its offsets.
package main

import (
	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/plugin"
)

// Options is the plugin as served (also used by the tests).
func Options() plugin.Options {
	return plugin.Options{
		Name:    "datagen",
		Version: Version,
		Sources: []plugin.SourceClass{{
			Class:        ConnectorClass,
			Aliases:      []string{"DatagenSource"},
			NewConnector: func() connect.SourceConnector { return &DatagenSourceConnector{} },
			TaskClass:    TaskClass,
			NewTask:      func() connect.SourceTask { return &DatagenSourceTask{} },
		}},
	}
}

func main() {
	plugin.Serve(Options())
}
