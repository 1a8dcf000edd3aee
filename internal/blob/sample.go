package blob

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"

	"github.com/go-pdf/fpdf"
)

// SamplePDF is a small one-page PDF with a title and lines of text, for
// demo data and tests.
func SamplePDF(title string, lines ...string) []byte {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 14)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.MultiCell(0, 8, tr(title), "", "L", false)
	pdf.SetFont("Helvetica", "", 11)
	for _, l := range lines {
		pdf.MultiCell(0, 6, tr(l), "", "L", false)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		panic(err) // fpdf fails only on programming errors here
	}
	return buf.Bytes()
}

// SampleJPEG is a small photo-like JPEG (soft colour bands with noise),
// the same for the same seed and different for each, for demo data and
// tests.
func SampleJPEG(w, h int, seed uint64) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, samplePicture(w, h, seed), &jpeg.Options{Quality: 70}); err != nil {
		panic(err) // encoding to memory fails only on a bad image
	}
	return buf.Bytes()
}

// SamplePNG is a small picture like SampleJPEG's, as a PNG (a screenshot
// stands in for one), the same for the same seed.
func SamplePNG(w, h int, seed uint64) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, samplePicture(w, h, seed)); err != nil {
		panic(err) // encoding to memory fails only on a bad image
	}
	return buf.Bytes()
}

// samplePicture draws soft colour bands with noise, determined by seed.
func samplePicture(w, h int, seed uint64) image.Image {
	rng := rand.New(rand.NewPCG(seed, 0x6a706567))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	base := color.RGBA{uint8(90 + rng.IntN(120)), uint8(90 + rng.IntN(120)), uint8(90 + rng.IntN(120)), 255}
	for y := range h {
		for x := range w {
			n := uint8(rng.IntN(24))
			img.Set(x, y, color.RGBA{base.R + n - uint8(y*40/h), base.G + n, base.B + uint8(x*30/w), 255})
		}
	}
	return img
}
