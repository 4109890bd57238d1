// Package de holds the detectors of German identifiers: the tax
// identification and tax numbers, the VAT identification number, identity
// card and passport numbers, pension and health insurance numbers, the
// physician and practice numbers of the KBV, driving licence numbers,
// vehicle registrations, postcodes and commercial register entries. The
// type names are Microsoft Presidio's where Presidio has them.
package de
