package ci

import "github.com/datafog/datafog-api/engine/detect"

// VaultBatchToken finds Vault batch tokens ("hvb.").
var VaultBatchToken = vaultDetector("vault_batch_token", vaultKind{"hvb.", 1000}, []detect.Example{
	{Text: "token: hvb.AAAAAQpcIrimeFg0fhoFP1bWl8on9ksZ6ZD6aJVYteOls3pQA6qvHa-6GLyrhacWXpUczoFLK9Q_SvgvsHOVBMhBeUlXP2qnqQmYh7_ZkGRBYVnpvtd2G4sy-09oxvVDSJJDwA50GT", Span: "hvb.AAAAAQpcIrimeFg0fhoFP1bWl8on9ksZ6ZD6aJVYteOls3pQA6qvHa-6GLyrhacWXpUczoFLK9Q_SvgvsHOVBMhBeUlXP2qnqQmYh7_ZkGRBYVnpvtd2G4sy-09oxvVDSJJDwA50GT", Valid: true},
	{Text: `{"client_token": "hvb.AAAAAQ4cGWtEC9cOnXS01cwZeVyUV3qd72O_rAWTslT_4hrkoP0b8Q_PdOTxSXbD_NS-r7Io6R3Ir67NoveEALgONx4dmlguLD0AZAirFQmjdtB6yPlvOfky3qVp5m4x87WO8hkYg5"}`, Span: "hvb.AAAAAQ4cGWtEC9cOnXS01cwZeVyUV3qd72O_rAWTslT_4hrkoP0b8Q_PdOTxSXbD_NS-r7Io6R3Ir67NoveEALgONx4dmlguLD0AZAirFQmjdtB6yPlvOfky3qVp5m4x87WO8hkYg5", Valid: true},
	{Text: "token=hvb.AAAAAQpcIrimeFg0fhoFP1b"},
	{Text: "token=xhvb.AAAAAQpcIrimeFg0fhoFP1bWl8on9ksZ6ZD6aJVYteOls3pQA6q"},
})
