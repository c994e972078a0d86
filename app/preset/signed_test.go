package preset

import (
	"os"
	"path/filepath"
	"testing"

	"handlingsplan/domain"
)

// profile_signer is read; a signed profile file seeds the default (ApplyPreset takes the signed
// one into use with its signer) and is handed to ApplyPreset, a plain profile is not.
func TestSignedProfilePreset(t *testing.T) {
	signed, err := os.ReadFile(filepath.Join("..", "profile", "testdata", "profile-v1.hpprofile"))
	if err != nil {
		t.Fatal(err)
	}
	ini := "profile = profil.hpprofile\nprofile_signer = samordnare.pem\n"
	env := fakeEnv("linux", "/opt/hp/handlingsplan", map[string]string{EnvFile: "/it/handlingsplan.ini"},
		map[string]string{"/it/handlingsplan.ini": ini, "/it/profil.hpprofile": string(signed), "/it/samordnare.pem": "PEM"})
	p, err := LoadFrom(env)
	if err != nil {
		t.Fatal(err)
	}
	if p.Profile != filepath.FromSlash("/it/profil.hpprofile") || p.ProfileSigner != filepath.FromSlash("/it/samordnare.pem") {
		t.Fatalf("preset %+v", p)
	}
	seed, err := p.SeedProfile(env.ReadFile)
	def, _ := domain.DefaultProfile()
	if err != nil || !domain.SameProfile(seed, def) {
		t.Fatalf("seed from a signed file: %v", err)
	}
	sp, err := p.SignedProfile(env.ReadFile)
	if err != nil || string(sp.File) != string(signed) || string(sp.Signers) != "PEM" {
		t.Fatalf("signed profile %v", err)
	}
	plain := Preset{Profile: "/it/plain.json"}
	env2 := fakeEnv("linux", "", nil, map[string]string{"/it/plain.json": `{"kommun":"x"}`})
	if sp, err := plain.SignedProfile(env2.ReadFile); err != nil || sp.File != nil {
		t.Fatalf("a plain profile handed on as signed: %v", err)
	}
	missing := Preset{ProfileSigner: "/it/nope.pem"}
	if _, err := missing.SignedProfile(env2.ReadFile); err == nil {
		t.Fatal("a missing signer file is no error")
	}
}
