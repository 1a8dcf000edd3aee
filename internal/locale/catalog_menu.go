package locale

// The header's menu (the button that opens it on a phone and the rooms
// added to it) and the unit tree's branches.
var menuID = map[string]string{
	"nav.menu.open": "Menu",
	"nav.coaching":  "Bimbingan",
	// units.children opens a branch of the unit tree.
	"units.children": "%d unit di bawahnya",
}

var menuEN = map[string]string{
	"nav.menu.open":  "Menu",
	"nav.coaching":   "Coaching",
	"units.children": "Units below: %d",
}

func init() {
	for k, v := range menuID {
		catalogs["id"][k] = v
	}
	for k, v := range menuEN {
		catalogs["en"][k] = v
	}
}
