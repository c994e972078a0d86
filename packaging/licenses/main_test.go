package main

import "testing"

func TestIdentify(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Permission is hereby granted, free of charge, to any person obtaining a copy", "MIT"},
		{"Apache License\n  Version 2.0, January 2004", "Apache-2.0"},
		{"Redistribution and use in source and binary forms, with or without modification ... Neither the name of Google", "BSD-3-Clause"},
		{"Redistribution and use in source and binary forms, with or without\nmodification, are permitted provided that", "BSD-2-Clause"},
		{"Permission to use, copy, modify, and/or distribute this software for any purpose", "ISC"},
		{"This software is provided 'as-is', without any express or implied warranty.", "Zlib"},
		{"SIL OPEN FONT LICENSE Version 1.1", "OFL-1.1"},
		{"Copyright (c) 2003 by Bitstream, Inc. ... Bitstream Vera is a trademark", "Bitstream-Vera"},
		{"All rights reserved.", "other"},
	}
	for _, c := range cases {
		if got := Identify(c.text); got != c.want {
			t.Errorf("Identify(%.30q) = %s, want %s", c.text, got, c.want)
		}
	}
}
